# loader.mk: filled in by its area
