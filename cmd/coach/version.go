package main

import (
	"runtime/debug"
	"strings"
)

// modulePath is where coach is installed from: go install modulePath/cmd/coach@VERSION.
const modulePath = "github.com/coach-dev/coach"

// build is what the Go toolchain recorded of this binary: the module
// version it was installed as (v0.4.0, a pseudo-version, or "(devel)" for a
// build from a checkout) and, when the build stamped it, the VCS revision.
type build struct {
	Version  string
	Revision string
	Modified bool
}

func readBuild() build {
	b := build{Version: "(devel)"}
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
		}
	}
	return b
}

// String is what `coach --version` prints after "coach version".
func (b build) String() string {
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

// Pin is the version a coaching repository's CI should install to make the
// same plans as this binary: the module version, else the VCS revision
// (go install accepts it), else "" when the build recorded neither or was
// made from a checkout with changes that were never committed.
func (b build) Pin() string {
	if b.Modified || strings.HasSuffix(b.Version, "+dirty") {
		return ""
	}
	if b.Version != "" && b.Version != "(devel)" {
		return b.Version
	}
	if b.Revision != "" && !b.Modified {
		return b.Revision
	}
	return ""
}

func shortRev(r string) string {
	if len(r) > 12 {
		return r[:12]
	}
	return strings.TrimSpace(r)
}
