"""The support console at `/console`: accounts, the conversation list, transcripts, review and
corrections exported as training data, privacy (masking, purge, GDPR). See ARCHITECTURE.md."""
