"""pylti1p3's tool configuration read from our tables: the registered platforms (issuer, client
id, endpoints, deployments) and the tool's key pair, instead of pylti1p3's JSON file."""
from __future__ import annotations

import requests
from pylti1p3.deployment import Deployment
from pylti1p3.registration import Registration
from pylti1p3.tool_config.abstract import ToolConfAbstract

from quizapp.extensions import db
from quizapp.lms import tool_keys
from quizapp.models import LmsPlatform

# Seconds quizapp waits for an LMS (its key set, token and score endpoints): a page must not
# hang on an LMS that does not answer.
LMS_TIMEOUT = 5


class TimedSession(requests.Session):
    """requests waits forever by default; every call to an LMS gets LMS_TIMEOUT."""

    def request(self, *args, **kwargs):
        kwargs.setdefault("timeout", LMS_TIMEOUT)
        return super().request(*args, **kwargs)


def find_platform(issuer: str, client_id: str | None) -> LmsPlatform | None:
    query = db.select(LmsPlatform).where(LmsPlatform.issuer == issuer)
    if client_id:
        query = query.where(LmsPlatform.client_id == client_id)
    # Without a client id (older LMSs' logins) the issuer must name one registration alone.
    found = list(db.session.execute(query.limit(2)).scalars())
    return found[0] if len(found) == 1 else None


def registration_for(platform: LmsPlatform) -> Registration:
    key = tool_keys.signing_key()
    return (Registration().set_issuer(platform.issuer).set_client_id(platform.client_id)
            .set_auth_login_url(platform.auth_login_url)
            .set_auth_token_url(platform.auth_token_url)
            .set_key_set_url(platform.key_set_url)
            .set_tool_private_key(key.private_key)
            .set_tool_public_key(tool_keys.public_pem(key.private_key)))


class DatabaseToolConf(ToolConfAbstract):
    """Every issuer may have several client ids (two Moodle sites of one school share none, but
    a Canvas instance has one per developer key)."""

    def check_iss_has_one_client(self, iss: str) -> bool:
        return False

    def check_iss_has_many_clients(self, iss: str) -> bool:
        return True

    def find_registration_by_issuer(self, iss: str, *args, **kwargs) -> Registration | None:
        platform = find_platform(iss, None)
        return None if platform is None else registration_for(platform)

    def find_registration_by_params(self, iss: str, client_id: str, *args,
                                    **kwargs) -> Registration | None:
        platform = find_platform(iss, client_id)
        return None if platform is None else registration_for(platform)

    def find_deployment(self, iss: str, deployment_id: str) -> Deployment | None:
        return self.find_deployment_by_params(iss, deployment_id, None)

    def find_deployment_by_params(self, iss: str, deployment_id: str, client_id: str | None,
                                  *args, **kwargs) -> Deployment | None:
        platform = find_platform(iss, client_id)
        if platform is None or deployment_id not in platform.deployments:
            return None
        return Deployment().set_deployment_id(deployment_id)
