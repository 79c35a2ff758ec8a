"""One module per question kind: the story model in, candidate questions out. A kind never
imports another kind; what kinds share lives in reading/ (what the story says) and writing/
(how a question is worded). The registry lists them."""
