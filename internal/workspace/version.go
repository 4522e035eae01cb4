package workspace

import (
	"fmt"

	"github.com/coach-dev/coach/internal/version"
	"github.com/coach-dev/coach/skills"
)

// Module is where coach is installed from: go install Module/cmd/coach@VERSION.
const Module = "github.com/coach-dev/coach"

// WorkflowVersion is the version the CI workflow init writes installs: this
// coach's, when it is a release; else "" (latest), with a warning saying
// why. The workflow installs releases only (vX.Y.Z): a pseudo-version, which
// go install records for a build of a commit, would fail every pull request.
func WorkflowVersion(b version.Build) (pin, warning string) {
	if pin = b.Release(); pin != "" {
		return pin, ""
	}
	what := "a build with no version"
	if b.Version != "" && b.Version != "(devel)" {
		what = fmt.Sprintf("%s, not a release", b.Version)
	}
	return "", fmt.Sprintf("this coach is %s, so .github/workflows/coach.yml installs coach@latest; pin the release you use with coach_version in coach.toml", what)
}

// VersionProblems warns when coach.toml pins another coach than this one:
// the plans it writes may then differ from those CI expects.
func VersionProblems(cfg skills.Config, b version.Build) skills.Problems {
	pin, mine := cfg.CoachVersion, b.Pin()
	if pin == "" || pin == mine {
		return nil
	}
	if mine == "" {
		// A build with local edits, or built with -buildvcs=false, has no
		// version to compare: it says so rather than nothing.
		return skills.Problems{{Path: skills.ConfigFile, Severity: skills.Warning,
			Message: fmt.Sprintf("coach.toml pins coach_version %q, but this coach is %s, which has no release version to compare with it: the plans it writes may differ from those CI expects", pin, b),
			Hint:    fmt.Sprintf("install the pinned one with `go install %s/cmd/coach@%s`", Module, pin)}}
	}
	return skills.Problems{{Path: skills.ConfigFile, Severity: skills.Warning,
		Message: fmt.Sprintf("coach.toml pins coach_version %q, but this coach is %s: the plans it writes may differ from those CI expects", pin, mine),
		Hint:    fmt.Sprintf("install the pinned one with `go install %s/cmd/coach@%s`, or move the pin and run `coach plan --all`", Module, pin)}}
}
