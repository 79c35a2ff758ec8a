"""The sign-in blueprint, on its own so that its pages import it without importing the package."""
from flask import Blueprint

bp = Blueprint("auth", __name__)
