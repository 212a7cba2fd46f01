"""Output formats for findings: compiler-style text, JSON, JSONL."""
