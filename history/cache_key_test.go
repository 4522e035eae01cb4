package history

import (
	"encoding/gob"
	"os"
	"path/filepath"
	"testing"

	"github.com/coach-dev/coach/internal/version"
	"github.com/go-git/go-git/v5/plumbing"
)

// A cache is read only by the coach that wrote it, for the object format
// it was written for: another build reads the history again.
func TestCacheKeyedByBuild(t *testing.T) {
	n := node{Hash: plumbing.NewHash("0123456789abcdef0123456789abcdef01234567")}
	tests := []struct {
		name   string
		build  string
		format string
		want   bool
	}{
		{"this coach", version.Read().Key(), objectFormat, true},
		{"another coach", "v9.9.9 ", objectFormat, false},
		{"another object format", version.Read().Key(), "sha256", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			gitDir := t.TempDir()
			if err := os.MkdirAll(filepath.Dir(cachePath(gitDir)), 0o755); err != nil {
				t.Fatal(err)
			}
			f, err := os.Create(cachePath(gitDir))
			if err != nil {
				t.Fatal(err)
			}
			c := cacheFile{Magic: cacheMagic, Version: cacheVersion, Build: tt.build, Format: tt.format, SkillsPath: "skills", Nodes: []node{n}}
			if err := gob.NewEncoder(f).Encode(c); err != nil {
				t.Fatal(err)
			}
			f.Close()
			if got := loadCache(gitDir, "skills") != nil; got != tt.want {
				t.Errorf("cache read = %v, want %v", got, tt.want)
			}
		})
	}
}
