package org.kvali.report;

/** The tables an index was built from, until a newer index takes them to append to. */
final class KeptSources {

	private FactIndexLoader.Sources sources;

	synchronized void keepSources(FactIndexLoader.Sources kept) {
		this.sources = kept;
	}

	/** The last change note the index saw, while it still has its tables to append to; -1 when not. */
	synchronized long appendableFrom() {
		return this.sources == null ? -1 : this.sources.lastChange();
	}

	/** The tables the index was built from, once: the caller appends to them. */
	synchronized FactIndexLoader.Sources takeSources() {
		var taken = this.sources;
		this.sources = null;
		return taken;
	}

}
