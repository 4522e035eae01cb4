// Package version says which coach is running, from the build information
// the Go toolchain records: the module version it was installed as, and the
// VCS revision when the build stamped one. `coach --version` prints it, the
// CI workflow pins it, and the history cache is keyed by it, so that another
// coach never reads a cache this one wrote.
package version

import (
	"regexp"
	"runtime/debug"
	"strings"
	"time"
)

// Build is what the toolchain recorded of this binary: the module version
// (v0.4.0, a pseudo-version, or "(devel)" for a build from a checkout) and,
// when the build stamped them, the VCS revision and whether the checkout had
// changes.
type Build struct {
	Version  string
	Revision string
	Modified bool
	// Date is the day of the revision's commit (YYYY-MM-DD, UTC), when the
	// build stamped it: the date of the man page.
	Date string
}

// Read returns the running binary's build.
func Read() Build {
	b := Build{Version: "(devel)"}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return b
	}
	if v := info.Main.Version; v != "" {
		b.Version = v
	}
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			b.Revision = s.Value
		case "vcs.modified":
			b.Modified = s.Value == "true"
		case "vcs.time":
			if t, err := time.Parse(time.RFC3339, s.Value); err == nil {
				b.Date = t.UTC().Format(time.DateOnly)
			}
		}
	}
	return b
}

// String is what `coach --version` prints after "coach version".
func (b Build) String() string {
	s := b.Version
	if b.Revision != "" {
		s += " (" + shortRev(b.Revision)
		if b.Modified {
			s += ", modified"
		}
		s += ")"
	}
	return s
}

// Key names the build exactly, for a cache: version, revision, and whether
// the checkout had changes.
func (b Build) Key() string {
	k := b.Version + " " + b.Revision
	if b.Modified {
		k += " modified"
	}
	return k
}

// Pin is the version a coaching repository's CI should install to make the
// same plans as this binary: the module version, else the VCS revision
// (go install accepts it), else "" when the build recorded neither or was
// made from a checkout with changes that were never committed.
func (b Build) Pin() string {
	if b.Modified || strings.HasSuffix(b.Version, "+dirty") {
		return ""
	}
	if b.Version != "" && b.Version != "(devel)" {
		return b.Version
	}
	if b.Revision != "" {
		return b.Revision
	}
	return ""
}

// release is a release version as the CI workflow accepts it: vX.Y.Z, with
// no pre-release or build part.
var release = regexp.MustCompile(`^v(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$`)

// Release is the version a new repository's CI workflow may pin: the module
// version when it is a release (v1.2.3), else "" (a pseudo-version such as
// v0.0.0-20261206034017-a928d117b52e, a pre-release, "(devel)", or a
// checkout with changes), which the workflow would refuse to install.
func (b Build) Release() string {
	if b.Modified || !release.MatchString(b.Version) {
		return ""
	}
	return b.Version
}

func shortRev(r string) string {
	if len(r) > 12 {
		return r[:12]
	}
	return strings.TrimSpace(r)
}
