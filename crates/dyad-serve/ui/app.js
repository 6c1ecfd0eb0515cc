// The dyad web UI: talks only to the JSON API under /api.
