package org.kvali.bench;

/** {@code ./mvnw -q test-compile exec:java@generate -Dparticipations=1000000}: fills the benchmark database. */
public final class Generate {

	private Generate() {
	}

	public static void main(String[] args) throws Exception {
		try (var context = BenchmarkDatabase.start(BenchmarkDatabase.participations(), false)) {
			BenchmarkDatabase.describe(context);
			System.out.println("Ready: .kvali/bench-" + BenchmarkDatabase.participations());
		}
	}

}
