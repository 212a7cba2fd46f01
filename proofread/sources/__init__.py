"""Input readers: plain text files and stdin (HTML, WARC and JSONL dumps live beside them)."""
