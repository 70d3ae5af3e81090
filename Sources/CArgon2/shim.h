#ifndef CLINICDESK_CARGON2_SHIM_H
#define CLINICDESK_CARGON2_SHIM_H
#include <argon2.h>
#endif
