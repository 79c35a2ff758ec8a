"""The students' blueprint, on its own so that its pages import it without importing the package."""
from flask import Blueprint

bp = Blueprint("quiz", __name__)
