# bench/local.mk - benchmarks, built and run by `make bench` only.

EXTRA_PROGRAMS += bench/bench-overhead
bench_bench_overhead_SOURCES = bench/bench_overhead.c
bench_bench_overhead_LDADD = libeaphost/libeaphost.la -ldl
CLEANFILES += bench/bench-overhead

EXTRA_PROGRAMS += bench/bench-loopback
bench_bench_loopback_SOURCES = bench/bench_loopback.c
bench_bench_loopback_LDADD = libeaphost/libeaphost.la
CLEANFILES += bench/bench-loopback

BENCH_BINARIES = bench/bench-overhead bench/bench-loopback
EXTRA_DIST += bench/run-bench.sh

bench: $(BENCH_BINARIES) examples/eaphost-test $(eapmethods_LTLIBRARIES) $(noinst_DATA)
	top_builddir='$(abs_top_builddir)' sh $(srcdir)/bench/run-bench.sh
.PHONY: bench
