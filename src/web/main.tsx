import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider, createBrowserRouter } from 'react-router';
import { App } from './App';
import { LocaleProvider } from './i18n/LocaleProvider';
import { SessionProvider } from './session';
import './styles.css';

// A data router (one catch-all route; App keeps its own <Routes>), so that pages can use
// useBlocker: the contact-information form asks before a link leaves unsaved changes behind.
const router = createBrowserRouter([{ path: '*', element: <App /> }]);

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from index.html');

createRoot(container).render(
  <StrictMode>
    <LocaleProvider>
      <SessionProvider>
        <RouterProvider router={router} />
      </SessionProvider>
    </LocaleProvider>
  </StrictMode>,
);
