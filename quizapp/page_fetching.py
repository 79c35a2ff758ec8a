"""Fetching a news page a teacher linked to, without letting a link reach inside the school's
network: http and https only, every address a name resolves to checked (no private, loopback,
link-local or reserved address), the connection made to the address that was checked, each
redirect followed by hand and checked again, and a time limit and a size cap on every page."""
from __future__ import annotations

import ipaddress
import socket
import time
from dataclasses import dataclass

import httpx

MAX_REDIRECTS = 5
PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
# Some sites refuse a client that does not say what it is.
USER_AGENT = "quizapp (a teacher's story from links; https://github.com/)"


class PageRefused(Exception):
    """The page could not be fetched; the message says why, in a teacher's words."""


@dataclass(frozen=True)
class FetchedPage:
    url: str  # the address the page was finally read from, after redirects
    body: bytes
    content_type: str


@dataclass(frozen=True)
class FetchRules:
    timeout: float = 8.0  # seconds for the whole page, redirects included
    max_bytes: int = 5 * 1024 * 1024
    allow_loopback: bool = False  # for the tests' local server only


def _refused_address(address: ipaddress.IPv4Address | ipaddress.IPv6Address,
                     rules: FetchRules) -> bool:
    mapped = getattr(address, "ipv4_mapped", None)
    if mapped is not None:
        address = mapped
    if address.is_loopback:
        return not rules.allow_loopback
    return not address.is_global or address.is_multicast


def checked_addresses(host: str, port: int, rules: FetchRules) -> list[str]:
    """Every address the host name resolves to, once all of them are allowed; a name with one
    private address among public ones is refused (a resolver may hand out either)."""
    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise PageRefused(f"the site {host} could not be found.") from error
    addresses = []
    for _family, _type, _proto, _name, sockaddr in found:
        address = ipaddress.ip_address(sockaddr[0].split("%")[0])
        if _refused_address(address, rules):
            raise PageRefused(f"the site {host} is at a private or local address ({address}), "
                              "which quizapp does not fetch.")
        if str(address) not in addresses:
            addresses.append(str(address))
    if not addresses:
        raise PageRefused(f"the site {host} could not be found.")
    return addresses


def _checked_url(url: str) -> httpx.URL:
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, TypeError, ValueError) as error:
        raise PageRefused("this is not a web address.") from error
    if parsed.scheme not in ("http", "https"):
        raise PageRefused("only http:// and https:// addresses can be fetched.")
    if not parsed.host:
        raise PageRefused("the address names no site.")
    if parsed.userinfo:
        raise PageRefused("an address with a user name or password is not fetched.")
    return parsed


def _pinned_request(client: httpx.Client, url: httpx.URL, address: str) -> httpx.Request:
    """A request sent to the checked address, with the site's name in the Host header and, for
    https, in the TLS handshake, where the certificate is checked against it."""
    port = url.port or (443 if url.scheme == "https" else 80)
    name = url.raw_host.decode("ascii")  # the name as it goes on the wire (IDNA)
    host_header = name if url.port is None else f"{name}:{url.port}"
    request = client.build_request(
        "GET", url.copy_with(host=address, port=port),
        headers={"Host": host_header, "User-Agent": USER_AGENT,
                 "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9"})
    if url.scheme == "https":
        request.extensions["sni_hostname"] = name
    return request


def _too_slow(rules: FetchRules) -> PageRefused:
    unit = "second" if rules.timeout == 1 else "seconds"
    return PageRefused(f"the site took longer than {rules.timeout:g} {unit} to answer.")


def _too_large(rules: FetchRules) -> PageRefused:
    size = (f"{rules.max_bytes // (1024 * 1024)} MB" if rules.max_bytes >= 1024 * 1024
            else f"{rules.max_bytes // 1024} KB")
    return PageRefused(f"the page is larger than {size}.")


def _read_body(response: httpx.Response, rules: FetchRules, deadline: float) -> bytes:
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > rules.max_bytes:
        raise _too_large(rules)
    chunks, size = [], 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > rules.max_bytes:
            raise _too_large(rules)
        # A server that sends a byte at a time never trips the read timeout: the whole page
        # has its own limit too.
        if time.monotonic() > deadline:
            raise _too_slow(rules)
        chunks.append(chunk)
    return b"".join(chunks)


def _content_type(response: httpx.Response) -> str:
    kind = response.headers.get("Content-Type", "text/html").split(";")[0].strip().lower()
    if kind not in PAGE_TYPES:
        raise PageRefused(f"the address gives a {kind or 'file'}, not a web page.")
    return kind


def _one_hop(url: httpx.URL, rules: FetchRules, deadline: float) -> FetchedPage | httpx.URL:
    """The page at this address, or the address it redirects to (not yet checked)."""
    port = url.port or (443 if url.scheme == "https" else 80)
    address = checked_addresses(url.raw_host.decode("ascii"), port, rules)[0]
    left = deadline - time.monotonic()
    if left <= 0:
        raise _too_slow(rules)
    # A client per hop: its pool is keyed by address, and each hop may name another site.
    with httpx.Client(follow_redirects=False, trust_env=False,
                      timeout=httpx.Timeout(left)) as client:
        request = _pinned_request(client, url, address)
        response = client.send(request, stream=True)
        try:
            if response.is_redirect and response.headers.get("Location"):
                return url.join(response.headers["Location"])
            if response.status_code >= 400:
                raise PageRefused(f"the site answered {response.status_code} "
                                  f"({response.reason_phrase or 'an error'}).")
            kind = _content_type(response)
            return FetchedPage(url=str(url), body=_read_body(response, rules, deadline),
                               content_type=kind)
        finally:
            response.close()


def fetch_page(url: str, rules: FetchRules) -> FetchedPage:
    """The page at `url`, or PageRefused saying why not."""
    current = _checked_url(url.strip())
    deadline = time.monotonic() + rules.timeout
    try:
        for _hop in range(MAX_REDIRECTS + 1):
            outcome = _one_hop(current, rules, deadline)
            if isinstance(outcome, FetchedPage):
                return outcome
            current = _checked_url(str(outcome))
    except httpx.TimeoutException as error:
        raise _too_slow(rules) from error
    except httpx.HTTPError as error:
        raise PageRefused(f"the site could not be reached ({type(error).__name__}).") from error
    raise PageRefused(f"the address redirects more than {MAX_REDIRECTS} times.")
