package org.kvali.access;

import java.util.ArrayList;
import java.util.List;

/**
 * What a caller who knows which activities each group holds can work out from the groups shown, where every person
 * is at one activity: each group shown is an equation over the activities' unknown counts, and a sum of activities
 * is told exactly when its row lies in the span of those equations (Gaussian elimination; counts are small integers,
 * so a tolerance far below 1 separates a zero from anything else).
 */
final class LinearAttack {

	private static final double ZERO = 1e-9;

	private final int unknowns;

	/** The equations reduced so far, each with a leading column no other has. */
	private final List<double[]> basis = new ArrayList<>();

	private final List<Integer> leads = new ArrayList<>();

	LinearAttack(int unknowns) {
		this.unknowns = unknowns;
	}

	/** An equation: the sum of these activities' counts is told (its value does not matter to what is told). */
	void told(boolean[] activities) {
		var row = reduced(activities);
		for (int column = 0; column < this.unknowns; column++) {
			if (Math.abs(row[column]) > ZERO) {
				double lead = row[column];
				for (int c = 0; c < this.unknowns; c++) {
					row[c] /= lead;
				}
				for (int b = 0; b < this.basis.size(); b++) {
					var other = this.basis.get(b);
					double factor = other[column];
					if (Math.abs(factor) > ZERO) {
						for (int c = 0; c < this.unknowns; c++) {
							other[c] -= factor * row[c];
						}
					}
				}
				this.basis.add(row);
				this.leads.add(column);
				return;
			}
		}
	}

	/** Whether the sum of these activities' counts follows from the equations told. */
	boolean tells(boolean[] activities) {
		var row = reduced(activities);
		for (double value : row) {
			if (Math.abs(value) > ZERO) {
				return false;
			}
		}
		return true;
	}

	private double[] reduced(boolean[] activities) {
		var row = new double[this.unknowns];
		for (int column = 0; column < this.unknowns; column++) {
			row[column] = activities[column] ? 1 : 0;
		}
		for (int b = 0; b < this.basis.size(); b++) {
			double factor = row[this.leads.get(b)];
			if (Math.abs(factor) > ZERO) {
				var other = this.basis.get(b);
				for (int c = 0; c < this.unknowns; c++) {
					row[c] -= factor * other[c];
				}
			}
		}
		return row;
	}

}
