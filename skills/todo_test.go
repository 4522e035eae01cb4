package skills

import (
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestImportTODOsWarn: what coach import leaves to fill in is a warning at
// its line and column, never an error, in a value or a comment.
func TestImportTODOsWarn(t *testing.T) {
	src := string(DefaultMatrixTOML())
	src = strings.Replace(src, "# The skill matrix coach plans against.",
		"# "+ImportTODO+": add [[transition]] tables\n# The skill matrix coach plans against.", 1)
	src = strings.Replace(src, `name = "Aware"`, `name = "Aware" # `+ImportTODO+`: name the level`, 1)
	src = strings.Replace(src, `summary = "Knows what good`, `summary = "`+ImportTODO+`: say what level 1 is" # Knows what good`, 1)
	_, problems := DecodeMatrix("matrix.toml", []byte(src))
	var got []string
	for _, p := range problems {
		got = append(got, p.String())
	}
	line := func(s string) string {
		return "matrix.toml:" + s + ": warning: left to do after coach import: "
	}
	hint := "; write it, then delete the TODO(coach import) mark"
	n := strings.Count(src[:strings.Index(src, `name = "Aware"`)], "\n") + 1
	want := []string{
		line("1:3") + "add [[transition]] tables" + hint,
		line(itoa(n)+":18") + "name the level" + hint,
		line(itoa(n+1)+":12") + "say what level 1 is" + hint,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
