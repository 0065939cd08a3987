"""The screens and modal dialogs of the TUI."""
