"""One screen a module. Screens present and react; the core decides."""
