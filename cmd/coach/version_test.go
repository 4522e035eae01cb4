package main

import (
	"testing"

	"github.com/coach-dev/coach/internal/version"
	"github.com/coach-dev/coach/internal/workspace"
	"github.com/coach-dev/coach/skills"
)

// Trial finding 3: init pinned a pseudo-version in the workflow, which the
// workflow's own check refuses; it pins a release only, and says why not.
func TestInitPinsOnlyARelease(t *testing.T) {
	tests := []struct {
		b            version.Build
		pin, warning string
	}{
		{version.Build{Version: "v1.2.3"}, "v1.2.3", ""},
		{version.Build{Version: "v0.0.0-20261206034017-a928d117b52e", Revision: "a928d117b52e"}, "",
			"this coach is v0.0.0-20261206034017-a928d117b52e, not a release, so .github/workflows/coach.yml installs coach@latest; pin the release you use with coach_version in coach.toml"},
		{version.Build{Version: "(devel)", Revision: "a928d117b52e"}, "",
			"this coach is a build with no version, so .github/workflows/coach.yml installs coach@latest; pin the release you use with coach_version in coach.toml"},
	}
	for _, tt := range tests {
		pin, warning := workspace.WorkflowVersion(tt.b)
		if pin != tt.pin || warning != tt.warning {
			t.Errorf("%+v: got %q, %q; want %q, %q", tt.b, pin, warning, tt.pin, tt.warning)
		}
	}
}

// Issue 26: a build with no version (GOFLAGS=-buildvcs=false, or local
// edits) never warned about a pin, so a leader could run another coach than
// CI without a word.
func TestVersionPinWarnsWithoutAVersion(t *testing.T) {
	pinned := skills.DefaultConfig()
	pinned.CoachVersion = "v0.4.0"
	tests := []struct {
		cfg  skills.Config
		b    version.Build
		want string
	}{
		{skills.DefaultConfig(), version.Build{Version: "(devel)"}, ""},
		{pinned, version.Build{Version: "v0.4.0"}, ""},
		{pinned, version.Build{Version: "v0.5.0"}, `coach.toml: warning: coach.toml pins coach_version "v0.4.0", but this coach is v0.5.0: the plans it writes may differ from those CI expects; install the pinned one with ` + "`go install github.com/coach-dev/coach/cmd/coach@v0.4.0`" + `, or move the pin and run ` + "`coach plan --all`"},
		{pinned, version.Build{Version: "(devel)"}, `coach.toml: warning: coach.toml pins coach_version "v0.4.0", but this coach is (devel), which has no release version to compare with it: the plans it writes may differ from those CI expects; install the pinned one with ` + "`go install github.com/coach-dev/coach/cmd/coach@v0.4.0`"},
		{pinned, version.Build{Version: "v0.4.0", Modified: true, Revision: "a928d117b52e"}, `coach.toml: warning: coach.toml pins coach_version "v0.4.0", but this coach is v0.4.0 (a928d117b52e, modified), which has no release version to compare with it: the plans it writes may differ from those CI expects; install the pinned one with ` + "`go install github.com/coach-dev/coach/cmd/coach@v0.4.0`"},
	}
	for _, tt := range tests {
		var got string
		for _, p := range workspace.VersionProblems(tt.cfg, tt.b) {
			got = p.String()
		}
		if got != tt.want {
			t.Errorf("%+v:\n got %s\nwant %s", tt.b, got, tt.want)
		}
	}
}
