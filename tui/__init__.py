"""kindtone: five minutes of self-compassion practice in the terminal."""

__version__ = "0.1.0"
