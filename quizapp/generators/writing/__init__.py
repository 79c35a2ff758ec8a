"""What kinds share to word a question: choices, their order, and explanations."""
