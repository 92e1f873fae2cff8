"""Customer satisfaction: surveys and their versions, waves, responses and analysis.

Modules other layers may import: imports (reading filled-in questionnaires), targets (whom a wave
asks, the response rate), transactions (closed complaints' handling ratings)."""
