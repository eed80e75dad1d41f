# runtime.mk: filled in by its area
