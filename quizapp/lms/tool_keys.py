"""quizapp's RSA key pair for LTI: made on first need and kept in the database; the LMSs check
our deep links and grade requests against its public half, served as a JSON Web Key Set."""
from __future__ import annotations

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from pylti1p3.registration import Registration

from quizapp.extensions import db
from quizapp.models import ToolKey


def _new_key() -> ToolKey:
    private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = private.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption()).decode()
    return ToolKey(kid=Registration.get_jwk(public_pem(pem))["kid"], private_key=pem)


def public_pem(private_pem: str) -> str:
    private = serialization.load_pem_private_key(private_pem.encode(), password=None)
    return private.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo).decode()


def signing_key() -> ToolKey:
    """The key quizapp signs with: the oldest. Made and committed at once when there is none,
    so its public half is served before any message signed with it leaves. Two workers making
    one at the same moment leave two keys: both are served, so either signature checks."""
    keys = list(db.session.execute(db.select(ToolKey).order_by(ToolKey.id)).scalars())
    if keys:
        return keys[0]
    key = _new_key()
    db.session.add(key)
    db.session.commit()
    return key


def key_set() -> dict:
    """The public halves of every key, as a JSON Web Key Set."""
    signing_key()
    keys = db.session.execute(db.select(ToolKey).order_by(ToolKey.id)).scalars()
    return {"keys": [Registration.get_jwk(public_pem(key.private_key)) for key in keys]}
