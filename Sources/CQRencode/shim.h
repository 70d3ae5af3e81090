// libqrencode: QR Code symbols as a module matrix.
#include <qrencode.h>
