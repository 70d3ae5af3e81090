// Pango laid out over cairo, and cairo's PDF surface. The include directories
// (pango-1.0, glib-2.0, harfbuzz, cairo, ...) come from `pkg-config --cflags pangocairo`.
#include <pango/pangocairo.h>
#include <cairo-pdf.h>
