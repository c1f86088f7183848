// Cairo 2D graphics (Debian: libcairo2-dev): image and PDF surfaces, toy font API.
#include <cairo/cairo.h>
#include <cairo/cairo-pdf.h>
