"""LLM help for notice facts: what the rules missed, read by a model and checked against the text."""
