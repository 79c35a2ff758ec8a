"""A fake LMS for the LTI tests, made of a real LTI 1.3 platform implementation
(`lti1p3platform`, from PyPI, independent of pylti1p3) and a generated RSA key: it starts the
OIDC login, posts the signed id_token, serves its key set and token endpoint, checks our deep
links and token requests against the key set quizapp serves, and records the scores posted to
its gradebook. Its endpoints are served in-process by `responses`, which catches quizapp's
`requests` calls: no network. quizapp's own /lti/jwks is fetched through the Flask test client."""
from __future__ import annotations

import base64
import json
import re
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlsplit

import requests
import responses
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from flask.testing import FlaskClient
from lti1p3platform.ltiplatform import LTI1P3PlatformConfAbstract
from lti1p3platform.message_launch import LTIAdvantageMessageLaunchAbstract
from lti1p3platform.oidc_login import OIDCLoginAbstract
from lti1p3platform.registration import Registration
from lti1p3platform.request import Request

from tests.pages import hidden_fields

ISSUER = "https://lms.school.test"
CLIENT_ID = "quizapp-tool-1"
DEPLOYMENT = "deployment-7"
LOGIN_URL = f"{ISSUER}/mod/lti/auth.php"
TOKEN_URL = f"{ISSUER}/mod/lti/token.php"
KEY_SET_URL = f"{ISSUER}/mod/lti/certs.php"
DEEP_LINK_RETURN = f"{ISSUER}/mod/lti/contentitem_return.php"
LINEITEMS = f"{ISSUER}/mod/lti/services.php/7/lineitems"
LINEITEM = f"{LINEITEMS}/31/lineitem"
# The tool's addresses as the test client serves them (SERVER_NAME is localhost).
TOOL = "http://localhost"
INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"
LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"
SCORE_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/score"


def new_private_key() -> str:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption()).decode()


def public_of(private_pem: str) -> str:
    key = serialization.load_pem_private_key(private_pem.encode(), password=None)
    return key.public_key().public_bytes(serialization.Encoding.PEM,
                                         serialization.PublicFormat.SubjectPublicKeyInfo).decode()


PLATFORM_KEY = new_private_key()  # made once per run: 2048-bit keys take a moment


class _Request(Request):
    """The OIDC authentication request, as the browser brings it to the LMS (a GET)."""

    def build_metadata(self, request: dict) -> dict:
        return {"method": "GET", "form_data": {}, "get_data": request, "headers": {},
                "content_type": None, "path": urlsplit(LOGIN_URL).path, "json": None}


class _Login(OIDCLoginAbstract):
    def set_lti_message_hint(self, **kwargs) -> None:
        self._lti_message_hint = kwargs["hint"]

    def get_redirect(self, url: str) -> str:
        return url


class _Launch(LTIAdvantageMessageLaunchAbstract):
    def render_launch_form(self, launch_data: dict, **kwargs) -> dict:
        return launch_data  # the auto-posting form's fields, which the test posts itself


@dataclass
class User:
    id: str
    name: str
    roles: list[str]


@dataclass
class FakeLms(LTI1P3PlatformConfAbstract):
    """One course of one LMS. `reachable` False makes its token and score endpoints fail as an
    LMS that is down does (the connection is refused)."""

    tool: FlaskClient | None = None
    deployment: str = DEPLOYMENT
    tool_url: str = TOOL  # where quizapp is served: https://localhost for the HTTPS tests
    scores: list[dict] = field(default_factory=list)
    reachable: bool = True

    def __post_init__(self) -> None:
        super().__init__()

    def init_platform_config(self, **kwargs) -> None:
        pass

    def get_registration_by_params(self, **kwargs) -> Registration:
        return (Registration().set_iss(ISSUER).set_client_id(CLIENT_ID)
                .set_deployment_id(self.deployment)
                .set_oidc_login_url(f"{self.tool_url}/lti/login")
                .set_launch_url(f"{self.tool_url}/lti/launch")
                .set_deeplink_launch_url(f"{self.tool_url}/lti/launch")
                .set_platform_public_key(public_of(PLATFORM_KEY))
                .set_platform_private_key(PLATFORM_KEY)
                .set_tool_key_set_url(f"{self.tool_url}/lti/jwks"))

    def registration_form(self) -> dict[str, str]:
        """What the LMS shows its administrator, as typed into quizapp's platforms page."""
        return {"name": "School Moodle", "issuer": ISSUER, "client_id": CLIENT_ID,
                "auth_login_url": LOGIN_URL, "auth_token_url": TOKEN_URL,
                "key_set_url": KEY_SET_URL, "deployment_ids": DEPLOYMENT}

    # --- the endpoints quizapp calls ----------------------------------------------------------

    def serve(self) -> responses.RequestsMock:
        """The LMS's endpoints (and quizapp's key set, through the test client) for `requests`."""
        mock = responses.RequestsMock(assert_all_requests_are_fired=False)
        mock.add_callback(responses.GET, KEY_SET_URL, callback=self._key_set)
        mock.add_callback(responses.POST, TOKEN_URL, callback=self._token)
        mock.add_callback(responses.POST, f"{LINEITEM}/scores", callback=self._score)
        mock.add_callback(responses.GET, f"{self.tool_url}/lti/jwks",
                          callback=self._tool_key_set)
        return mock

    def _key_set(self, request) -> tuple:
        return 200, {}, json.dumps({"keys": self.get_registration().get_jwks()})

    def _tool_key_set(self, request) -> tuple:
        served = self.tool.get("/lti/jwks")
        return served.status_code, {}, served.get_data(as_text=True)

    def _token(self, request) -> tuple:
        if not self.reachable:
            raise requests.ConnectionError("connection refused")
        self.get_registration()
        # The platform's own check: the client assertion signed with a key quizapp serves.
        issued = self.get_access_token(dict(parse_qsl(request.body)))
        return 200, {}, json.dumps(issued)

    def _score(self, request) -> tuple:
        if not self.reachable:
            raise requests.ConnectionError("connection refused")
        token = request.headers["Authorization"].removeprefix("Bearer ")
        if not self.validate_token(token, allowed_scopes=[SCORE_SCOPE]):
            return 403, {}, "{}"
        assert request.headers["Content-Type"] == "application/vnd.ims.lis.v1.score+json"
        self.scores.append(json.loads(request.body))
        return 200, {}, "{}"

    # --- a user's browser, from the course page to quizapp --------------------------------------

    def id_token_fields(self, browser: FlaskClient, user: User, *, deep_link: bool = False,
                        custom: dict | None = None, grades: bool = True,
                        extra_claims: dict | None = None, lifetime: int = 300) -> dict:
        """The LMS's third-party login at quizapp, the authentication request quizapp sends
        back through the browser, and the launch form the LMS answers it with (id_token,
        state), ready to post."""
        login = _Login(None, self).set_launch_url(f"{self.tool_url}/lti/launch")
        login.set_lti_message_hint(hint="resource-link-5")
        answered = browser.get(login.initiate_login(user.id).removeprefix(self.tool_url))
        assert answered.status_code == 302, answered.get_data(as_text=True)
        location = answered.headers["Location"]
        assert location.startswith(LOGIN_URL + "?"), location
        launch = _Launch(_Request(dict(parse_qsl(urlsplit(location).query))), self)
        launch.set_user_data(user.id, user.roles, full_name=user.name)
        launch.set_resource_link_claim("resource-link-5", title="Week 3 quiz")
        launch.set_launch_context_claim("course-7", context_title="Media literacy 7B")
        launch.set_id_token_expiration(lifetime)
        if custom:
            launch.set_custom_parameters_claim(custom)
        if deep_link:
            launch.set_dl(DEEP_LINK_RETURN, title="Add an activity",
                          accept_types={"ltiResourceLink"})
        if grades:
            launch.set_ags(LINEITEMS, LINEITEM)
        if extra_claims:
            launch.set_extra_claims(extra_claims)
        fields = launch.lti_launch()
        assert fields["launch_url"] == f"{self.tool_url}/lti/launch"
        return {"id_token": fields["id_token"], "state": fields["state"]}

    def launch(self, browser: FlaskClient, user: User, **options):
        """A user opening the course's activity: the launch posted to quizapp."""
        return browser.post("/lti/launch", data=self.id_token_fields(browser, user, **options))

    def deep_link_items(self, return_page: str) -> list[dict]:
        """The content items of quizapp's deep-link response page, checked as the LMS checks
        them: the form posts to the LMS's return URL, and the JWT is signed by a key quizapp
        serves."""
        action = re.search(r'<form method="post" action="([^"]+)" id="deep-link-return"',
                           return_page)
        assert action and action.group(1) == DEEP_LINK_RETURN, return_page
        self.get_registration()
        return self.validate_deeplinking_resp({"JWT": hidden_fields(return_page)["JWT"]})


def forged(id_token: str, **changes) -> str:
    """The id_token with its claims changed and the LMS's signature kept: a forgery."""
    header, body, signature = id_token.split(".")
    claims = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    claims.update(changes)
    body = base64.urlsafe_b64encode(json.dumps(claims).encode()).decode().rstrip("=")
    return ".".join((header, body, signature))
