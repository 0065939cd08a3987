"""The Textual layer: the board, its screens and widgets."""
