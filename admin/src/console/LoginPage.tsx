/** @jsxImportSource react */
// react-admin's login form under a heading that says where you are.
import { Box, Typography } from '@mui/material';
import { Login, LoginForm } from 'react-admin';

export function LoginPage() {
  return (
    <Login>
      <Box component="main">
        <Typography component="h1" variant="h6" align="center" sx={{ px: 2 }}>
          Консоль координатора
        </Typography>
        <Typography align="center" variant="body2" sx={{ px: 2 }}>
          Мониторинг результатов НОК
        </Typography>
        <LoginForm />
      </Box>
    </Login>
  );
}
