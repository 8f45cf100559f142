// Entry of the respondent form: /form/<campaignCode>/ serves a page with
// <div id="app" data-campaign="<campaignCode>">, and this renders the questionnaire into it.
import { render } from 'preact';
import { App } from './components/App.tsx';

const root = document.getElementById('app');
if (root) {
  // The page's «Загрузка анкеты…» placeholder makes way for the app.
  root.textContent = '';
  render(<App campaignCode={root.dataset.campaign ?? ''} />, root);
}
