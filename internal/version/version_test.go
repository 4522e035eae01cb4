package version

import "testing"

// Trial finding 3: go install of a commit records a pseudo-version, which
// init wrote as the workflow's COACH_VERSION, and the workflow refuses
// anything but vX.Y.Z: every pull request failed. Release is a release only.
func TestReleaseIsOnlyARelease(t *testing.T) {
	tests := []struct {
		b    Build
		want string
	}{
		{Build{Version: "v1.2.3"}, "v1.2.3"},
		{Build{Version: "v0.4.0", Revision: "a928d117b52e"}, "v0.4.0"},
		{Build{Version: "v0.0.0-20261206034017-a928d117b52e", Revision: "a928d117b52e"}, ""},
		{Build{Version: "v1.2.4-0.20261206034017-a928d117b52e"}, ""},
		{Build{Version: "v1.2.3-rc.1"}, ""},
		{Build{Version: "v1.2.3+dirty"}, ""},
		{Build{Version: "v1.2.3", Modified: true}, ""},
		{Build{Version: "(devel)", Revision: "a928d117b52e"}, ""},
		{Build{Version: "v01.2.3"}, ""},
		{Build{}, ""},
	}
	for _, tt := range tests {
		if got := tt.b.Release(); got != tt.want {
			t.Errorf("%+v: Release() = %q, want %q", tt.b, got, tt.want)
		}
	}
}
