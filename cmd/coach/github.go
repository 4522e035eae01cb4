package main

import (
	"errors"
	"fmt"
	"io"
	"path"
	"strings"

	"github.com/coach-dev/coach/internal/workspace"
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

// annotateInvalid writes the errors of a *workspace.InvalidError as GitHub
// annotations on stdout with --format github, as coach check does, so that
// a --check in CI shows them on the lines of the pull request.
func annotateInvalid(err error, format string, stdout io.Writer) {
	var invalid *workspace.InvalidError
	if format != "github" || !errors.As(err, &invalid) {
		return
	}
	for _, p := range invalid.Problems {
		fmt.Fprintln(stdout, annotation(p, invalid.Prefix))
	}
}
