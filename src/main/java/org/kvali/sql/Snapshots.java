package org.kvali.sql;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Read-only REPEATABLE READ transactions: statements that make one answer together see one state of the data. */
public final class Snapshots {

	private Snapshots() {
	}

	/** A template running its work in one read-only snapshot. */
	public static TransactionTemplate readOnly(PlatformTransactionManager transactions) {
		var snapshot = new TransactionTemplate(transactions);
		snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		snapshot.setReadOnly(true);
		return snapshot;
	}

}
