"""Reading: a story's articles read once into the story model that every kind asks from."""
