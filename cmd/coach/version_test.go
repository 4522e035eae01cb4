package main

import (
	"github.com/coach-dev/coach/internal/workspace"
	"testing"

	"github.com/coach-dev/coach/internal/version"
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
