package org.kvali.participant;

import java.util.List;

import org.kvali.access.Access;
import org.kvali.access.Caller;
import org.kvali.access.PartnerScope;
import org.kvali.access.Role;
import org.kvali.activity.Activity;
import org.kvali.activity.ActivityService;
import org.kvali.audit.AuditLog;
import org.kvali.graphql.Connection;
import org.kvali.graphql.Page;
import org.kvali.graphql.Text;
import org.kvali.graphql.Validation;
import org.kvali.report.ParticipationRole;
import org.kvali.sql.ErasedReferences;
import org.kvali.sql.Snapshots;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Who was recorded at an activity, for an admin, and for a partner at an activity its organizations run, so that a
 * sheet can be checked as loaded. A partner sees what a sheet of its own would compare, and no more: of a person also
 * recorded at another organization's activity, not what the other recorded (gender, birth year, disability, home
 * municipality), as its sheets are not told it; and no one erased on request, whose new reference links to nothing.
 * Reports count people and never list them. Every read is in the audit log, and every refusal of the role or of
 * another's activity (one a partner may not list is NOT_FOUND, as to {@code activity(code)}, and not logged).
 */
@Service
class Attendance {

	private static final String PAGE = """
			SELECT p.ref, pn.role, pn.organization_id, p.gender, p.birth_year, p.disability,
			       p.home_municipality_code, %s AS elsewhere
			FROM participation pn
			JOIN participant p ON p.id = pn.participant_id
			WHERE pn.activity_id = :activity AND (CAST(:after AS text) IS NULL OR p.ref > :after) AND %s
			ORDER BY p.ref
			LIMIT :limit""".formatted(PartnerScope.hostedElsewhere("p.id"), Attendance.listed());

	private static final String COUNT = """
			SELECT count(*) FROM participation pn JOIN participant p ON p.id = pn.participant_id
			WHERE pn.activity_id = :activity AND %s""".formatted(Attendance.listed());

	private final JdbcClient jdbc;

	private final ActivityService activities;

	private final AuditLog audit;

	private final TransactionTemplate snapshot;

	Attendance(JdbcClient jdbc, ActivityService activities, AuditLog audit, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.activities = activities;
		this.audit = audit;
		this.snapshot = Snapshots.readOnly(transactions);
	}

	/**
	 * A page of the activity's people in order of reference, and how many there are, as of one snapshot; the role is
	 * checked before the arguments, so that a caller without it is refused, and logged, whatever it sent.
	 */
	Connection<Attendee> of(String activityCode, Integer first, String after) {
		Activity activity;
		Page page;
		try {
			Access.require(Role.ADMIN, Role.PARTNER);
			page = Page.of(first, after, 1);
			new Validation().code("activity", activityCode).check();
			activity = this.activities.changeable("activity", activityCode);
		}
		catch (AccessDeniedException ex) {
			this.audit.record("refused read of attendance", Text.preview(activityCode, 64));
			throw ex;
		}
		this.audit.record("read attendance", activity.code());
		var caller = Caller.current();
		var organizations = caller.is(Role.PARTNER) ? caller.organizations().toArray(Long[]::new) : null;
		return this.snapshot.execute(status -> {
			List<Attendee> rows = this.jdbc.sql(PAGE)
				.param("activity", activity.id())
				.param("after", page.key(0, ref -> ref))
				.param("limit", page.limit())
				.param("organizations", organizations)
				.param("erased", ErasedReferences.PREFIX)
				.query((rs, row) -> {
					boolean elsewhere = rs.getBoolean(8);
					return new Attendee(rs.getString(1), ParticipationRole.valueOf(rs.getString(2)),
							rs.getObject(3, Long.class), elsewhere ? null : rs.getString(4),
							elsewhere ? null : rs.getObject(5, Integer.class),
							elsewhere ? null : rs.getObject(6, Boolean.class), elsewhere ? null : rs.getString(7));
				})
				.list();
			int total = this.jdbc.sql(COUNT)
				.param("activity", activity.id())
				.param("organizations", organizations)
				.param("erased", ErasedReferences.PREFIX)
				.query(Integer.class)
				.single();
			return Connection.of(rows, page, attendee -> List.of(attendee.ref()), total);
		});
	}

	/**
	 * SQL: the person {@code p} is listed to the caller: to a partner ({@code :organizations} bound), not erased. A
	 * partner finds no one else to correct or remove either ({@link PartnerCorrections}, {@link ParticipationRemoval}).
	 */
	static String listed() {
		return "(CAST(:organizations AS bigint[]) IS NULL OR NOT starts_with(p.ref, :erased))";
	}

}
