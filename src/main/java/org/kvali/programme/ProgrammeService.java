package org.kvali.programme;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.kvali.graphql.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Programmes and their projects, partners and donors. */
@Service
@Transactional(readOnly = true)
public class ProgrammeService {

	private final ProgrammeRepository repository;

	ProgrammeService(ProgrammeRepository repository) {
		this.repository = repository;
	}

	public List<Programme> programmes() {
		return this.repository.programmes();
	}

	/** The programme with this code; {@code argument} names the argument it came from in the error. */
	public Programme programme(String argument, String code) {
		return this.repository.programmesByCodes(List.of(code))
			.stream()
			.findFirst()
			.orElseThrow(() -> NotFoundException.orInAnotherCase("programme", argument, code,
					this.repository.programmeCodeInAnotherCase(code)));
	}

	public Map<Long, Programme> programmesById(Collection<Long> ids) {
		return this.repository.programmesByIds(ids)
			.stream()
			.collect(Collectors.toMap(Programme::id, Function.identity()));
	}

	public Map<String, Programme> programmesByCode(Collection<String> codes) {
		return this.repository.programmesByCodes(codes)
			.stream()
			.collect(Collectors.toMap(Programme::code, Function.identity()));
	}

	public Map<String, Project> projectsByCode(Collection<String> codes) {
		return this.repository.projectsByCodes(codes)
			.stream()
			.collect(Collectors.toMap(Project::code, Function.identity()));
	}

	/** Projects of one programme, or all when {@code programmeCode} is null. */
	public List<Project> projects(String programmeCode) {
		if (programmeCode == null) {
			return this.repository.projects();
		}
		return this.repository.projectsOfProgrammes(List.of(programme("programme", programmeCode).id()));
	}

	/** The project with this code; {@code argument} names the argument it came from in the error. */
	public Project project(String argument, String code) {
		return this.repository.projectsByCodes(List.of(code))
			.stream()
			.findFirst()
			.orElseThrow(() -> NotFoundException.orInAnotherCase("project", argument, code,
					this.repository.projectCodeInAnotherCase(code)));
	}

	/** The stored spelling of a programme's code written in another case: codes are one in any case. */
	public Optional<String> programmeCodeInAnotherCase(String code) {
		return this.repository.programmeCodeInAnotherCase(code);
	}

	/** The stored spelling of a project's code written in another case. */
	public Optional<String> projectCodeInAnotherCase(String code) {
		return this.repository.projectCodeInAnotherCase(code);
	}

	public Map<Long, Project> projectsById(Collection<Long> ids) {
		return this.repository.projectsByIds(ids).stream().collect(Collectors.toMap(Project::id, Function.identity()));
	}

	public Map<Long, List<Project>> projectsOfProgrammes(Collection<Long> programmeIds) {
		return this.repository.projectsOfProgrammes(programmeIds)
			.stream()
			.collect(Collectors.groupingBy(Project::programmeId));
	}

	public Map<Long, List<ProjectPartner>> partnersOfProjects(Collection<Long> projectIds) {
		return this.repository.partnersOfProjects(projectIds)
			.stream()
			.collect(Collectors.groupingBy(ProjectPartner::projectId));
	}

	public Map<Long, List<Long>> donorIdsOfProgrammes(Collection<Long> programmeIds) {
		return this.repository.donorsOfProgrammes(programmeIds)
			.stream()
			.collect(Collectors.groupingBy(pair -> pair[0], Collectors.mapping(pair -> pair[1], Collectors.toList())));
	}

}
