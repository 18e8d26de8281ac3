package org.kvali.intake;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.dataloader.DataLoader;

import org.kvali.access.Access;
import org.kvali.access.Caller;
import org.kvali.access.Role;
import org.kvali.graphql.Connection;
import org.kvali.graphql.InvalidArgumentException;
import org.kvali.graphql.NotFoundException;
import org.kvali.graphql.Page;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** The import reports, read back through GraphQL. */
@Controller
class ImportQueryController {

	private final ImportHistory history;

	ImportQueryController(ImportHistory history) {
		this.history = history;
	}

	@QueryMapping
	Connection<ImportReport> imports(@Argument Integer first, @Argument String after) {
		var reader = reader();
		var page = Page.of(first, after, 2);
		var rows = this.history.page(page.key(0, Page::moment), page.key(1, UUID::fromString), page.limit(),
				reader);
		return Connection.of(rows, page, report -> List.of(report.importedAt().toString(), report.id().toString()),
				this.history.count(reader));
	}

	@QueryMapping(name = "import")
	ImportReport importReport(@Argument String id) {
		// the role first: a malformed id was NOT_FOUND to any role, a well-formed one FORBIDDEN
		var reader = reader();
		UUID uuid;
		try {
			uuid = UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			throw new NotFoundException("import", "id", id);
		}
		return this.history.find(uuid, reader).orElseThrow(() -> new NotFoundException("import", "id", id));
	}

	/**
	 * ADMIN reads every import (null), a PARTNER those it sent and those sent for its organizations; other roles
	 * none.
	 */
	static Caller reader() {
		var caller = Access.require(Role.ADMIN, Role.PARTNER);
		return caller.is(Role.ADMIN) ? null : caller;
	}

	/** Who sent the sheet, for ADMIN and the sender: to the others of its organizations a key's name may be a person's. */
	@SchemaMapping(typeName = "Import")
	String importedBy(ImportReport report) {
		var caller = Caller.current();
		return caller.is(Role.ADMIN) || caller.name().equals(report.importedBy()) ? report.importedBy() : null;
	}

	/** The first warnings of each import: those of a page are read for the imports of it asked for them alone. */
	@SchemaMapping(typeName = "Import")
	CompletableFuture<List<ImportMessage>> warnings(ImportReport report, @Argument Integer first,
			DataLoader<ImportMessagesLoader.Key, List<ImportMessage>> importMessages) {
		return messages(report, "warnings", report.warnings(), first, importMessages);
	}

	@SchemaMapping(typeName = "Import")
	CompletableFuture<List<ImportMessage>> errors(ImportReport report, @Argument Integer first,
			DataLoader<ImportMessagesLoader.Key, List<ImportMessage>> importMessages) {
		return messages(report, "errors", report.errors(), first, importMessages);
	}

	/** The report's own messages cut to {@code first}, or (a page's report holds none) the first read for it. */
	private static CompletableFuture<List<ImportMessage>> messages(ImportReport report, String list,
			List<ImportMessage> own, Integer first, DataLoader<ImportMessagesLoader.Key, List<ImportMessage>> loader) {
		if (first != null && first < 0) {
			throw new InvalidArgumentException("first", first, "first must be 0 or more, not " + first);
		}
		int most = first == null ? Integer.MAX_VALUE : first;
		return own != null ? CompletableFuture.completedFuture(own.subList(0, Math.min(most, own.size())))
				: loader.load(new ImportMessagesLoader.Key(report.id(), list, most));
	}

}
