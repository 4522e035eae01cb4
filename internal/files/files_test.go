package files

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// What Replace says when it leaves a file alone: the file, why, and
// what to do; LeftAlone tells --all to go on with the others.
func TestReplaceLeavesAlone(t *testing.T) {
	tests := []struct {
		name string
		now  string
		mode os.FileMode
		want string
	}{
		{name: "edited while coach wrote", now: "<!-- marker -->\nold\nmy edit\n", mode: 0o644,
			want: "plans/alice.md changed while coach was writing it, so it was not replaced; check it, then run `coach plan alice` again"},
		{name: "read-only", now: "<!-- marker -->\nold\n", mode: 0o444,
			want: "plans/alice.md is read-only, so it was not replaced; make it writable (chmod u+w plans/alice.md) and run `coach plan alice` again, or leave it as it is"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			file := filepath.Join(t.TempDir(), "alice.md")
			if err := os.WriteFile(file, []byte(tt.now), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.Chmod(file, tt.mode); err != nil {
				t.Fatal(err)
			}
			err := Replace(t.Context(), file, "plans/alice.md", []byte("<!-- marker -->\nold\n"), []byte("<!-- marker -->\nnew\n"), "coach plan alice")
			if err == nil {
				t.Fatal("Replace replaced the file")
			}
			if diff := cmp.Diff(tt.want, err.Error()); diff != "" {
				t.Errorf("message (-want +got):\n%s", diff)
			}
			if !LeftAlone(err) {
				t.Errorf("LeftAlone(%v) = false; --all would stop at it", err)
			}
			got, _ := os.ReadFile(file)
			if string(got) != tt.now {
				t.Errorf("the file changed: %q", got)
			}
		})
	}
}
