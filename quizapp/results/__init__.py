"""The instructors' results of a quiz: `queries` asks the database for the counts, `measures`
turns them into the statistics a teacher reads, `charts` draws the histogram of scores."""
