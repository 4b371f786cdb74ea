"""The plan's evidence regime: what a file is (sniff), where files live (vault), links,
attaching evidence to reported values (records), and the secretariat's review."""
