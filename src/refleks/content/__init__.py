"""The content pipeline: YAML reading, loading, schema validation, references, the model."""
