"""quizapp: media-literacy quizzes written from several outlets' articles about one event.

Flask is imported inside create_app so that `import quizapp.generators` stays free of it.
"""


def create_app(test_config=None):
    from quizapp.factory import create_app as build

    return build(test_config)
