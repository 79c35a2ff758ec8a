"""Files the app hands out, one module a format: today a quiz's results as CSV for a
spreadsheet."""
