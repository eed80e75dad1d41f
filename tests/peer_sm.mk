# peer_sm.mk: filled in by its area
