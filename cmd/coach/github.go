package main

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/coach-dev/coach/skills"
)

// --format github writes findings as GitHub Actions workflow commands, one
// a line on stdout (::error file=F,line=L,col=C::message), so that each one
// is shown on the line of the pull request it is about. Paths are relative
// to the git repository, which may hold the coaching folder below its root.

// annotation formats one finding as a workflow command. prefix is the
// coaching folder's path inside the git repository ("" at its root).
func annotation(p skills.Problem, prefix string) string {
	level := "error"
	if p.Severity == skills.Warning {
		level = "warning"
	}
	props := []string{"file=" + escapeProperty(skills.EscapeControls(path.Join(prefix, p.Path)))}
	if p.Line > 0 {
		props = append(props, fmt.Sprintf("line=%d", p.Line))
		if p.Col > 0 {
			props = append(props, fmt.Sprintf("col=%d", p.Col))
		}
	}
	msg := p.Message
	if p.Hint != "" {
		msg += "; " + p.Hint
	}
	return fmt.Sprintf("::%s %s::%s", level, strings.Join(props, ","), escapeData(skills.EscapeControls(msg)))
}

// escapeData and escapeProperty escape a workflow command's message and
// property values as the Actions runner reads them.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

// gitPrefix is the path of root inside the git work tree that holds it, with
// slashes ("" at the work tree's root, or when there is no git repository).
func gitPrefix(root string) string {
	abs, err := filepath.Abs(root)
	if err != nil {
		return ""
	}
	for d := abs; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, ".git")); err == nil {
			rel, err := filepath.Rel(d, abs)
			if err != nil || rel == "." {
				return ""
			}
			return filepath.ToSlash(rel)
		}
		if filepath.Dir(d) == d {
			return ""
		}
	}
}
