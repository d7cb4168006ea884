"""SEO text for a job: prompt, LLM client, fact check, cache, deterministic template, writer."""
