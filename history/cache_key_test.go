package history

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/coach-dev/coach/internal/version"
)

// A cache is read only by the coach that wrote it, for the object format
// it was written for: another build reads the history again.
func TestCacheKeyedByBuild(t *testing.T) {
	this := currentKey("skills")
	tests := []struct {
		name string
		key  cacheKey
		want error
	}{
		{"this coach", this, nil},
		{"another coach", cacheKey{Version: "5 v9.9.9 ", ObjectFormat: objectFormat, SkillsPath: "skills"}, errForeign},
		{"another object format", cacheKey{Version: this.Version, ObjectFormat: "sha256", SkillsPath: "skills"}, errForeign},
		{"another skills folder", cacheKey{Version: this.Version, ObjectFormat: objectFormat, SkillsPath: "team/skills"}, errForeign},
	}
	if this.Version == "4 v9.9.9 " || this.Version != fmt.Sprintf("%d %s", cacheFormat, version.Read().Key()) {
		t.Fatalf("the key of this build is %q", this.Version)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			gitDir := t.TempDir()
			if err := os.MkdirAll(filepath.Dir(cachePath(gitDir)), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(cachePath(gitDir), encodeCacheData(tt.key, nil, nil, nil, nil, nil), 0o644); err != nil {
				t.Fatal(err)
			}
			c, err := loadCache(gitDir, this)
			if !errors.Is(err, tt.want) || (err == nil) != (c != nil) {
				t.Errorf("loadCache = %v, %v; want error %v", c != nil, err, tt.want)
			}
		})
	}
}
